// QCustomPlot, for ui/ code. The build puts a shim (cmake/qcustomplot-shim) in front of the system
// header so that it compiles with QT_NO_FOREACH.
#pragma once

#include <qcustomplot.h>
