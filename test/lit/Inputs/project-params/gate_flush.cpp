#include "gate.h"

task<void> Gate::flush() { co_await sendUnder(mu_, n_); }
