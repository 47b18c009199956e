// Shared look of the item-view panels: a font that reads from the back of a lecture hall, rows
// tall enough for it, and colour swatches scaled to the text.
#pragma once

class QAbstractItemView;
class QWidget;

namespace procscope::ui {

// Enlarges `widget`'s font for projection (at least 13 pt, or 1.2 x the application font), and
// again whenever the application font changes.
void useReadableFont(QWidget* widget);
// Row height and swatch size of a table or tree view that match its font.
void fitRowsToFont(QAbstractItemView* view);

} // namespace procscope::ui
