#include "task.h"

task<void> broken() {
  co_await send(undeclared);
}
