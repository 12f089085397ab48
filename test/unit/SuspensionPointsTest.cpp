//===--- SuspensionPointsTest.cpp ----------------------------------------------------===//

#include "AnalysisTestSupport.h"
#include "gtest/gtest.h"
