// Shared look of the item-view panels: a font that reads from the back of a lecture hall, rows
// tall enough for it, colour swatches scaled to the text, and a selection in no state's colour.
#pragma once

class QAbstractItemView;
class QWidget;

namespace procscope::ui {

// Enlarges `widget`'s font for projection (at least 13 pt, or 1.2 x the application font), and
// again whenever the application font changes.
void useReadableFont(QWidget* widget);
// Row height and swatch size of a table or tree view that match its font; its selection neutral.
void fitRowsToFont(QAbstractItemView* view);
// A selection in dark grey with white text: the platform's blue would read as Blocked.
void useNeutralSelection(QWidget* widget);

} // namespace procscope::ui
