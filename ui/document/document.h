// A Document is one thing the user has open: a simulation (a workload and the engine running it)
// or a loaded trace. Either way the views see only its Trace.
#pragma once

#include "core/model/workload.h"
#include "core/ostep/py_random.h"
#include "core/sim/simulator.h"
#include "core/trace/trace.h"
#include "ui/document/trace_indexes.h"

#include <QObject>
#include <QString>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

namespace procscope::ui {

class Document : public QObject {
    Q_OBJECT

public:
    // A simulation. Finite workloads are simulated to the end at once (call simulateAll(), or let a
    // background job do it); open-ended ones grow as playback asks for more (ensureSimulatedTo()).
    Document(Workload workload, QString title, std::optional<ostep::PyRandom> rng = std::nullopt,
        QObject* parent = nullptr);
    // A loaded trace: nothing to simulate.
    Document(Trace trace, QString title, QString path, QObject* parent = nullptr);
    ~Document() override;

    // Deletes a document whose trace no view shows any more, freeing the trace and what the views
    // derived from it on a worker thread: a ten-million-event trace takes tens of milliseconds to
    // free, a visible stall if the GUI thread did it.
    static void dispose(std::unique_ptr<Document> document);

    const Trace& trace() const;
    QString title() const { return m_title; }
    QString path() const { return m_path; }
    void setPath(const QString& path) { m_path = path; }

    bool isSimulation() const { return m_simulator != nullptr; }
    const Workload* workload() const;
    const Simulator* simulator() const { return m_simulator.get(); }

    // Simulation only: run to the end (or the tick limit). With `progress` (called between chunks
    // of simulated time with ticks done and the tick limit), the run can be cancelled: false
    // stops it and simulateAll() returns false, leaving the trace simulated as far as it got.
    bool simulateAll(const std::function<bool(std::uint64_t, std::uint64_t)>& progress = {});
    // Simulation only: make sure the trace covers tick t (open-ended workloads).
    void ensureSimulatedTo(Tick t);
    // Simulation only: a live change at a tick; the future after it is simulated again.
    void apply(const Command& command);

    // What the views derived from the trace (see trace_indexes.h); emptied whenever the trace
    // changes. Logically part of the trace, so a const Document hands it out.
    TraceIndexes& indexes() const { return m_indexes; }

    // The workload was edited and not saved.
    bool isModified() const { return m_modified; }
    void setModified(bool modified);

Q_SIGNALS:
    // The trace grew or was replaced (after a command): views re-read it.
    void traceChanged();
    void modifiedChanged(bool modified);

private:
    std::unique_ptr<Simulator> m_simulator;
    std::unique_ptr<Trace> m_loaded;
    QString m_title;
    QString m_path;
    bool m_modified = false;
    mutable TraceIndexes m_indexes;
};

} // namespace procscope::ui
