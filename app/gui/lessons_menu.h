// The Lessons menu: the ready scenarios of traces/lessons (processes, the process API,
// scheduling) and the OSTEP homework questions of traces/ostep, each under its title.
#pragma once

#include <QString>

#include <functional>

class QMenu;
class QWidget;

namespace procscope {

// Fills `menu` from `tracesDir`; choosing an entry calls `open` with the file's path.
void fillLessonsMenu(QMenu* menu, const QString& tracesDir, const std::function<void(const QString&)>& open);

} // namespace procscope
