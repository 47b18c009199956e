// The playback bar's buttons, clicked as a user clicks them: the event steps jump to the next and
// previous event, and look like neither rewind / fast-forward nor a one-tick step nor Home / End;
// every tooltip names its key.
#include "core/trace/cursor.h"
#include "ui/document/document.h"
#include "ui/document/document_loader.h"
#include "ui/playback/playback_bar.h"
#include "ui/playback/playback_controller.h"

#include <QStyle>
#include <QTest>
#include <QToolButton>

using namespace procscope;

class TestPlaybackBar : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void eventStepsJumpToEvents();
    void eventStepsLookLikeNoOtherButton();
    void tooltipsNameTheKeys_data();
    void tooltipsNameTheKeys();

private:
    QToolButton* button(const char* name) const
    {
        return m_bar->findChild<QToolButton*>(QLatin1String(name));
    }
    static QImage picture(const QIcon& icon) { return icon.pixmap(QSize(24, 24)).toImage(); }

    std::unique_ptr<ui::Document> m_document;
    std::unique_ptr<ui::PlaybackController> m_playback;
    std::unique_ptr<ui::PlaybackBar> m_bar;
};

void TestPlaybackBar::init()
{
    ui::Loaded run = ui::loadOstep(
        QStringLiteral("process-run"), {QStringLiteral("-l"), QStringLiteral("3:0,5:100")}, nullptr);
    QVERIFY2(run.document, qPrintable(run.error));
    m_document = std::move(run.document);
    m_playback = std::make_unique<ui::PlaybackController>();
    m_playback->setDocument(m_document.get());
    m_bar = std::make_unique<ui::PlaybackBar>(m_playback.get());
    m_bar->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_bar.get()));
}

void TestPlaybackBar::cleanup()
{
    m_bar.reset();
    m_playback.reset();
    m_document.reset();
}

void TestPlaybackBar::eventStepsJumpToEvents()
{
    const Trace& trace = m_document->trace();
    QToolButton* next = button("nextEvent");
    QToolButton* previous = button("previousEvent");
    QVERIFY(next && previous);
    Tick expected = 0;
    int jumps = 0;
    while (const auto t = nextEventAfter(trace, expected)) {
        QTest::mouseClick(next, Qt::LeftButton, {}, next->rect().center());
        expected = *t;
        QCOMPARE(m_playback->tick(), expected);
        ++jumps;
    }
    QVERIFY(jumps >= 3);
    const auto back = previousEventBefore(trace, m_playback->tick());
    QVERIFY(back);
    QTest::mouseClick(previous, Qt::LeftButton, {}, previous->rect().center());
    QCOMPARE(m_playback->tick(), *back);
}

void TestPlaybackBar::eventStepsLookLikeNoOtherButton()
{
    QStyle* style = m_bar->style();
    const QImage next = picture(button("nextEvent")->icon());
    const QImage previous = picture(button("previousEvent")->icon());
    QVERIFY(!next.isNull() && !previous.isNull());
    QVERIFY(next != previous);
    for (const QImage& step : {next, previous}) {
        for (QStyle::StandardPixmap other : {QStyle::SP_MediaSeekForward, QStyle::SP_MediaSeekBackward})
            QVERIFY(step != picture(style->standardIcon(other))); // not rewind / fast-forward
        for (const char* name : {"stepForward", "stepBack", "start", "end", "play"})
            QVERIFY2(step != picture(button(name)->icon()), name);
    }
    // Something is drawn: not an empty icon.
    int ink = 0;
    for (int y = 0; y < next.height(); ++y)
        for (int x = 0; x < next.width(); ++x)
            ink += qAlpha(next.pixel(x, y)) > 128;
    QVERIFY(ink > 40);
}

void TestPlaybackBar::tooltipsNameTheKeys_data()
{
    QTest::addColumn<QString>("button");
    QTest::addColumn<QString>("key");
    QTest::newRow("start") << QStringLiteral("start") << QStringLiteral("(Home)");
    QTest::newRow("previous event") << QStringLiteral("previousEvent") << QStringLiteral("(Shift+Left)");
    QTest::newRow("back") << QStringLiteral("stepBack") << QStringLiteral("(Left)");
    QTest::newRow("play") << QStringLiteral("play") << QStringLiteral("(Space)");
    QTest::newRow("forward") << QStringLiteral("stepForward") << QStringLiteral("(Right)");
    QTest::newRow("next event") << QStringLiteral("nextEvent") << QStringLiteral("(Shift+Right)");
    QTest::newRow("end") << QStringLiteral("end") << QStringLiteral("(End)");
}

void TestPlaybackBar::tooltipsNameTheKeys()
{
    QFETCH(QString, button);
    QFETCH(QString, key);
    auto* b = m_bar->findChild<QToolButton*>(button);
    QVERIFY(b);
    QVERIFY2(b->toolTip().endsWith(key), qPrintable(b->toolTip()));
}

QTEST_MAIN(TestPlaybackBar)
#include "tst_playback_bar.moc"
