// Where the bundled demo, lessons and sample traces are: installed beside the binary
// (../share/procscope), or else the source tree this build came from.
#pragma once

#include <QString>

namespace procscope {

QString bundledTracesDir();
QString defaultDemoPath();

} // namespace procscope
