// The mouse, wheel and keys of the Gantt chart, as an event filter on its QCustomPlot: everything
// goes through GanttView's own zoom, pan and selection, so QCustomPlot's interactions stay off.
#pragma once

#include <QObject>
#include <QPoint>

class QKeyEvent;
class QMouseEvent;
class QRubberBand;
class QWheelEvent;

namespace procscope::ui {

class GanttView;

class GanttInput : public QObject {
    Q_OBJECT

public:
    explicit GanttInput(GanttView* view);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    enum class Drag { None, Pan, Band };
    void wheel(QWheelEvent* event);
    void press(QMouseEvent* event);
    void move(QMouseEvent* event);
    void release(QMouseEvent* event);
    void doubleClick(QMouseEvent* event);
    bool key(QKeyEvent* event);
    void click(const QPoint& pos);

    GanttView* m_view;
    QRubberBand* m_band = nullptr;
    Drag m_drag = Drag::None;
    QPoint m_pressPos;
    QPoint m_lastPos;
    bool m_moved = false;
};

} // namespace procscope::ui
