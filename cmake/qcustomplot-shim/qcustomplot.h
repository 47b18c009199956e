// Stands in front of the system <qcustomplot.h> (added as a system include dir by the top-level
// CMakeLists.txt). QCustomPlot 2.1 uses `foreach` in two templates, and we build with
// QT_NO_FOREACH, which removes that macro; a range-for takes its place for this header only.
#pragma once

#include <QtGlobal>

#include <utility>

#if defined(QT_NO_FOREACH) && !defined(foreach)
#define foreach(variable, container) for (variable : std::as_const(container))
#include_next <qcustomplot.h>
#undef foreach
#else
#include_next <qcustomplot.h>
#endif
