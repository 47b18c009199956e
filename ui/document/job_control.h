// The line between a background job and the window: progress counters and a cancel flag, both
// atomic, so the worker never waits for the GUI and the GUI never waits for the worker.
#pragma once

#include <atomic>
#include <cstdint>

namespace procscope::ui {

class JobControl {
public:
    // What the worker is doing, for the progress dialog's label.
    enum class Stage : std::uint8_t { Working, Indexing };

    // From the worker: records progress; false once the user has cancelled.
    bool report(std::uint64_t done, std::uint64_t total)
    {
        m_done.store(done, std::memory_order_relaxed);
        m_total.store(total, std::memory_order_relaxed);
        return !cancelled();
    }
    bool cancelled() const { return m_cancel.load(std::memory_order_relaxed); }
    // From the worker: a new stage starts; its progress starts again from 0.
    void setStage(Stage stage)
    {
        m_total.store(0, std::memory_order_relaxed);
        m_stage.store(stage, std::memory_order_relaxed);
    }
    Stage stage() const { return m_stage.load(std::memory_order_relaxed); }

    // From the GUI thread.
    void cancel() { m_cancel.store(true, std::memory_order_relaxed); }
    // 0..1, or -1 while the total is unknown.
    double fraction() const
    {
        const auto total = m_total.load(std::memory_order_relaxed);
        return total == 0 ? -1.0
                          : static_cast<double>(m_done.load(std::memory_order_relaxed)) / double(total);
    }

private:
    std::atomic<std::uint64_t> m_done{0};
    std::atomic<std::uint64_t> m_total{0};
    std::atomic<bool> m_cancel{false};
    std::atomic<Stage> m_stage{Stage::Working};
};

} // namespace procscope::ui
