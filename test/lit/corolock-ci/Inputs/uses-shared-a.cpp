#include "shared.h"

int a() { return 1; }
