// The views' per-trace indexes: TraceIndexes builds each once per type and key and forgets them
// when the trace changes; prepareViews() builds, off the GUI thread, exactly the indexes the views
// then ask for, so a view given a prepared document builds nothing itself; and what it is given
// equals what it would have built.
#include "core/io/workload_json.h"
#include "core/sim/simulator.h"
#include "tests/core/sim_helpers.h"
#include "ui/cpuplot/cpu_plot_view.h"
#include "ui/cpuplot/utilization_lines.h"
#include "ui/diagram/state_diagram_view.h"
#include "ui/document/document.h"
#include "ui/document/job_control.h"
#include "ui/models/event_index.h"
#include "ui/models/event_log_model.h"
#include "ui/models/process_table_model.h"
#include "ui/models/process_times.h"
#include "ui/playback/playback_controller.h"
#include "ui/playback/view_state.h"
#include "ui/prepare_views.h"

#include <QTest>
#include <QThread>

#include <algorithm>
#include <random>
#include <tuple>
#include <variant>

using namespace procscope;
using namespace procscope::ui;

namespace {

Workload demoWorkload()
{
    return testing::bundledWorkload("demo.json");
}

bool sameSamples(const CursorSamples& a, const CursorSamples& b)
{
    if (a.full->size() != b.full->size() || a.coarse->size() != b.coarse->size() ||
        a.coarseEnd != b.coarseEnd)
        return false;
    for (int i = 0; i < a.full->size(); ++i)
        if (a.full->at(i)->key != b.full->at(i)->key || a.full->at(i)->value != b.full->at(i)->value)
            return false;
    return true;
}

} // namespace

class TestTraceIndexes : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Sums kept every kStride records, the rest walked: the same times as adding up every record,
    // on tracks many strides long, at every tick.
    void processTimesEqualAFullSum()
    {
        using testing::Job;
        Program chatty;
        for (int i = 0; i < 60; ++i) {
            chatty.push_back(Op::cpu(1 + i % 3));
            chatty.push_back(Op::io(1 + i % 2));
        }
        Simulator sim(testing::makeWorkload(
            {Job{0, chatty}, Job{0, {Op::cpu(150)}}, Job{2, chatty}, Job{5, {Op::cpu(40)}}},
            PolicyKind::RoundRobin, 2));
        sim.run();
        const Trace& trace = sim.trace();
        const ProcessTimes times(trace);
        QVERIFY(trace.track(0).size() > 4 * ProcessTimes::kStride);
        for (ProcIndex p = 0; p < static_cast<ProcIndex>(trace.processCount()); ++p) {
            const ProcessTrack& track = trace.track(p);
            for (Tick upTo = 0; upTo <= trace.end(); ++upTo) {
                ProcessTimes::Times expected{};
                for (std::size_t k = 0; k < track.size() && track.at(k) < upTo; ++k) {
                    const Tick until = k + 1 < track.size() ? std::min(track.at(k + 1), upTo) : upTo;
                    if (const int c = ProcessTimes::categoryOf(track, k); c >= 0)
                        expected[static_cast<std::size_t>(c)] += until - track.at(k);
                }
                if (times.before(trace, p, upTo) != expected)
                    QFAIL(qPrintable(QStringLiteral("process %1 up to tick %2").arg(p).arg(upTo)));
            }
        }
    }

    void buildsOncePerTypeAndKey()
    {
        TraceIndexes indexes;
        int builds = 0;
        auto a = indexes.get<int>("a", [&] { return ++builds; });
        auto again = indexes.get<int>("a", [&] { return ++builds; });
        auto b = indexes.get<int>("b", [&] { return ++builds; });
        auto other = indexes.get<double>("a", [&] { return 2.5 + ++builds; });
        QCOMPARE(builds, 3);
        QCOMPARE(a.get(), again.get());
        QCOMPARE(*a, 1);
        QCOMPARE(*b, 2);
        QCOMPARE(*other, 5.5);
        QCOMPARE(indexes.size(), std::size_t(3));
        QVERIFY(indexes.find<int>("c") == nullptr);
        indexes.clear();
        QVERIFY(indexes.find<int>("a") == nullptr);
        QCOMPARE(*a, 1); // a view still holding it keeps it
    }

    // The event index is sorted in blocks merged pairwise (so a cancel is seen between steps):
    // the same order as one sort, for any block size and length.
    void blockSortIsASort()
    {
        std::mt19937 random(5);
        for (const std::size_t n : {0, 1, 2, 7, 8, 9, 100, 1000, 4097})
            for (const std::size_t block : {1, 3, 8, 64, 5000}) {
                std::vector<EventRef> entries;
                for (std::size_t i = 0; i < n; ++i)
                    entries.push_back(
                        EventRef{static_cast<Tick>(random() % 50), static_cast<std::uint32_t>(random() % 4),
                            static_cast<std::uint32_t>(random() % 1000)});
                std::vector<EventRef> expected = entries;
                std::sort(expected.begin(), expected.end(), [](const EventRef& a, const EventRef& b) {
                    return std::tie(a.at, a.key, a.record) < std::tie(b.at, b.key, b.record);
                });
                QVERIFY(sortEventRefs(entries, {}, block));
                QVERIFY2(entries == expected, qPrintable(QStringLiteral("n %1, block %2").arg(n).arg(block)));
            }
        // Stopped: false, and asked no more.
        std::vector<EventRef> entries(100);
        int asked = 0;
        QVERIFY(!sortEventRefs(
            entries, [&] { return ++asked < 3; }, 10));
        QCOMPARE(asked, 3);
    }

    // An event index whose build was cancelled is empty, never half sorted.
    void cancelledEventIndexIsEmpty()
    {
        Document document(demoWorkload(), QStringLiteral("demo"));
        document.simulateAll();
        QVERIFY(buildEventIndex(document.trace(), [] { return false; }).empty());
        QVERIFY(!buildEventIndex(document.trace(), [] { return true; }).empty());
    }

    // The document forgets its indexes whenever its trace changes.
    void documentForgetsIndexesWhenTheTraceChanges()
    {
        Document document(demoWorkload(), QStringLiteral("demo"));
        document.simulateAll();
        document.indexes().get<int>({}, [] { return 1; });
        QCOMPARE(document.indexes().size(), std::size_t(1));
        Command kill;
        kill.at = document.trace().end() / 2;
        kill.kind = Command::Kind::Kill;
        kill.pid = document.trace().info(0).pid;
        document.apply(kill);
        QCOMPARE(document.indexes().size(), std::size_t(0));
    }

    // Prepared on a worker thread, as the window's background job does; the views then find
    // everything they need and build nothing.
    void viewsUseWhatWasPrepared()
    {
        Document document(demoWorkload(), QStringLiteral("demo"));
        document.simulateAll();
        JobControl control;
        QThread* worker = QThread::create([&] { prepareViews(document, &control); });
        worker->start();
        QVERIFY(worker->wait(60'000));
        delete worker;
        QCOMPARE(control.stage(), JobControl::Stage::Indexing);
        QCOMPARE(control.fraction(), 1.0);
        const std::size_t prepared = document.indexes().size();
        QCOMPARE(prepared, std::size_t(5)); // the CPU plot's series and its exact lines are two

        PlaybackController playback;
        ViewState viewState;
        CpuPlotView plot(&playback, &viewState);
        EventLogModel log;
        log.follow(&playback);
        ProcessTableModel table;
        table.follow(&playback);
        StateDiagramView diagram(&playback, &viewState);
        playback.setDocument(&document);
        QCOMPARE(document.indexes().size(), prepared); // nothing built on the GUI thread

        // What was prepared is what the views would have built themselves.
        const auto events = document.indexes().find<std::vector<EventRef>>({});
        QVERIFY(events);
        QCOMPARE(*events, buildEventIndex(document.trace()));
        QCOMPARE(log.rowCount(), static_cast<int>(events->size()));
        const auto lines = document.indexes().find<UtilizationLines>(
            utilizationLinesKey(UtilizationSeries::kDefaultMaxSamples, 0));
        QVERIFY(lines);
        const UtilizationLines fresh =
            buildUtilizationLines(document.trace(), UtilizationSeries::kDefaultMaxSamples, 0);
        QCOMPARE(lines->window, fresh.window);
        QCOMPARE(plot.window(), fresh.window);
        QCOMPARE(plot.series().size(), fresh.series->size());
        QVERIFY(sameSamples(lines->cpu, fresh.cpu));
        QVERIFY(sameSamples(lines->io, fresh.io));
        QVERIFY(sameSamples(lines->ready, fresh.ready));
        QCOMPARE(lines->perCpu.size(), fresh.perCpu.size());

        // A setting the job did not foresee: the view builds its own lines.
        plot.setWindow(3);
        QCOMPARE(plot.window(), Tick(3));
        QCOMPARE(document.indexes().size(), prepared + 1); // the lines; the series is shared
    }

    // A cancelled job stops before indexing; the views build what is missing themselves.
    void cancelledPreparationLeavesTheRestToTheViews()
    {
        Document document(demoWorkload(), QStringLiteral("demo"));
        document.simulateAll();
        JobControl control;
        control.cancel();
        prepareViews(document, &control);
        QCOMPARE(document.indexes().size(), std::size_t(0));
        PlaybackController playback;
        ViewState viewState;
        CpuPlotView plot(&playback, &viewState);
        playback.setDocument(&document);
        QCOMPARE(document.indexes().size(), std::size_t(2)); // the CPU plot's series and lines
        QVERIFY(plot.series().size() > 0);
    }
};

QTEST_MAIN(TestTraceIndexes)
#include "tst_trace_indexes.moc"
