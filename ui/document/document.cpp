#include "ui/document/document.h"

#include <QThreadPool>

namespace procscope::ui {

Document::Document(Workload workload, QString title, std::optional<ostep::PyRandom> rng, QObject* parent)
    : QObject(parent)
    , m_simulator(std::make_unique<Simulator>(std::move(workload), std::move(rng)))
    , m_title(std::move(title))
{ }

Document::Document(Trace trace, QString title, QString path, QObject* parent)
    : QObject(parent)
    , m_loaded(std::make_unique<Trace>(std::move(trace)))
    , m_title(std::move(title))
    , m_path(std::move(path))
{ }

Document::~Document() = default;

void Document::dispose(std::unique_ptr<Document> document)
{
    if (!document)
        return;
    struct Contents {
        std::unique_ptr<Simulator> simulator;
        std::unique_ptr<Trace> loaded;
        TraceIndexes indexes;
    };
    auto contents = std::make_unique<Contents>(Contents{
        std::move(document->m_simulator), std::move(document->m_loaded), std::move(document->m_indexes)});
    document.reset(); // the QObject itself, on its own thread
    // The one owner of the contents moves into the task, so they are freed on the worker.
    QThreadPool::globalInstance()->start(
        [contents = std::shared_ptr<Contents>(std::move(contents))]() mutable { contents.reset(); });
}

const Trace& Document::trace() const
{
    return m_simulator ? m_simulator->trace() : *m_loaded;
}

const Workload* Document::workload() const
{
    return m_simulator ? &m_simulator->workload() : nullptr;
}

bool Document::simulateAll(const std::function<bool(std::uint64_t, std::uint64_t)>& progress)
{
    if (!m_simulator)
        return true;
    bool completed = true;
    if (!progress) {
        m_simulator->run();
    } else {
        // Chunks of simulated time short enough to answer a cancel within a few milliseconds.
        constexpr Tick kChunk = 20'000;
        const Tick limit = m_simulator->workload().tickLimit;
        while (!m_simulator->finished() && !m_simulator->hitTickLimit() && !m_simulator->stalled()) {
            const Tick before = m_simulator->trace().end();
            if (!progress(static_cast<std::uint64_t>(before), static_cast<std::uint64_t>(limit))) {
                completed = false;
                break;
            }
            m_simulator->advanceTo(before + kChunk);
            if (m_simulator->trace().end() == before) // nothing more can happen
                break;
        }
    }
    m_indexes.clear();
    Q_EMIT traceChanged();
    return completed;
}

void Document::ensureSimulatedTo(Tick t)
{
    if (!m_simulator || m_simulator->finished() || m_simulator->hitTickLimit() || m_simulator->stalled() ||
        m_simulator->trace().end() > t)
        return;
    m_simulator->advanceTo(t + 1);
    m_indexes.clear();
    Q_EMIT traceChanged();
}

void Document::apply(const Command& command)
{
    if (!m_simulator)
        return;
    const Tick covered = m_simulator->trace().end();
    m_simulator->apply(command);
    if (m_simulator->workload().generator && m_simulator->workload().generator->openEnded)
        m_simulator->advanceTo(covered);
    else
        m_simulator->run();
    m_indexes.clear();
    Q_EMIT traceChanged();
}

void Document::setModified(bool modified)
{
    if (modified == m_modified)
        return;
    m_modified = modified;
    Q_EMIT modifiedChanged(modified);
}

} // namespace procscope::ui
