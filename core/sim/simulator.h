// The Simulator is the mechanism: it moves processes through their states on the CPUs and
// devices of a Machine, asks the Policy who runs next, and records everything in a Trace.
#pragma once

#include "core/model/workload.h"
#include "core/ostep/py_random.h"
#include "core/sim/command.h"
#include "core/sim/pcb.h"
#include "core/sim/policy.h"
#include "core/trace/trace.h"

#include <deque>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>
#include <queue>

namespace procscope {

class Simulator final : private SchedContext {
public:
    // The workload must be normalized (see normalize()). `rng` continues a random stream that
    // generated the workload (OSTEP's lottery.py draws jobs and lotteries from one stream);
    // without it the engine seeds its own from Workload::seed.
    explicit Simulator(Workload workload, std::optional<ostep::PyRandom> rng = std::nullopt);
    ~Simulator() override;
    Simulator(const Simulator&) = delete;
    Simulator& operator=(const Simulator&) = delete;

    const Trace& trace() const { return m_trace; }
    const Workload& workload() const { return m_workload; }

    // Simulates every tick before t (stops earlier when the run is over or hits the tick limit).
    void advanceTo(Tick t);
    // Simulates until every process has terminated, or the tick limit.
    void run();

    bool finished() const { return m_trace.finished(); }
    bool hitTickLimit() const { return m_hitLimit; }
    // Nothing can happen any more, but not every process terminated (e.g. suspended forever).
    bool stalled() const { return m_stalled; }
    Tick now() const override { return m_now; }

    // A change at a tick. If the tick is in the simulated past, the future after it is discarded
    // and simulated again with the change; the past is unchanged.
    void apply(const Command& c);
    const std::vector<Command>& commands() const { return m_commands; }

    const Pcb* findProcess(Pid pid) const;
    const std::deque<Pcb>& processes() const { return m_procs; }

private:
    struct Cpu {
        Pid running = kNoPid;
        Pid incoming = kNoPid; // being switched in
        Tick switchUntil = 0;
        Pid lastRan = kNoPid;
        Pid reservedFor = kNoPid; // OSTEP SWITCH_ON_END: waits for this process's I/O
        Tick heldUntil = -1;      // dispatchOnlyAtSliceEnd: idle until the slice is over
        Tick sliceEnd = kForever;
        Tick lastSync = 0;
    };
    struct IoDone {
        Tick at;
        std::uint64_t seq;
        Pid pid;
        std::uint32_t ticket;
        bool operator>(const IoDone& o) const { return at != o.at ? at > o.at : seq > o.seq; }
    };
    struct Device {
        Pid busy = kNoPid;
        std::deque<std::pair<Pid, Tick>> waiting;
    };
    enum class Outcome { Continue, BlockIo, BlockWait, Exit };

    // SchedContext
    const Pcb& pcb(Pid pid) const override
    {
        return m_procs[static_cast<std::size_t>(m_index[static_cast<std::size_t>(pid)])];
    }
    int cpuCount() const override { return static_cast<int>(m_cpus.size()); }
    double random() override { return m_rng.random(); }
    void prefetchControlBlock(Pid pid) const override;
    void prefetchProcessData(Pid pid) const override;

    void reset();
    void boundary();
    Tick nextBoundary() const;
    void sync(Tick t);

    // Dispatcher (dispatcher.cpp)
    void endOfPieces();
    void release(int cpu, bool afterBlock);
    void fillCpu(int cpu, bool retireCheck);
    bool cpuFree(const Cpu& c) const;
    void dispatch(int cpu, Pcb& p, Choice choice);
    void startRunning(int cpu, Pcb& p, Choice choice);
    void sliceExpired(int cpu, Pcb& p);
    void preemptChecks();
    void retireCheck(int cpu);
    void timers();
    void dispatchFreeCpus();

    // Program execution and lifecycle (lifecycle.cpp)
    Pcb& create(const ProcessSpec& spec, Pid parent, const Program* program);
    void admit(Pcb& p, Cause why);
    void prepare(Pcb& p);
    Outcome advance(Pcb& p);
    Outcome finishPiece(Pcb& p);
    void onOutcome(int cpu, Pcb& p, Outcome o, bool wasted);
    void startIo(Pcb& p);
    void completions();
    void ioComplete(Pcb& p);
    void startNextRequest(std::size_t device, Pid finished);
    void exitProcess(Pcb& p, int code, Cause why);
    void reap(Pcb& child);
    void applyCommand(const Command& c);
    void arrivals();
    void generate();
    void setState(Pcb& p, ProcessState s, Cause why, std::int32_t aux = 0);
    Pcb& proc(Pid pid) { return m_procs[static_cast<std::size_t>(m_index[static_cast<std::size_t>(pid)])]; }
    Pcb* find(Pid pid);

    Workload m_workload;
    PolicySpec m_startPolicy; // the workload's own policy, before any SetPolicy command
    std::optional<ostep::PyRandom> m_initialRng;
    std::vector<Command> m_commands;

    // Everything below is reset by reset().
    Trace m_trace;
    std::unique_ptr<Policy> m_policy;
    ostep::PyRandom m_rng;
    std::deque<Pcb> m_procs;           // a deque: references stay valid when fork() adds one
    std::vector<std::int32_t> m_index; // pid -> position in m_procs, -1 for none
    std::vector<Cpu> m_cpus;
    std::vector<Device> m_devices;
    std::priority_queue<IoDone, std::vector<IoDone>, std::greater<>> m_ioDone;
    std::vector<const ProcessSpec*>
        m_pending;                       // arrivals, sorted by (arrival, pid), consumed from m_nextArrival
    std::deque<ProcessSpec> m_generated; // processes drawn by the generator
    std::size_t m_nextArrival = 0;
    std::size_t m_nextCommand = 0;
    std::uint64_t m_ioSeq = 0;
    Pid m_nextPid = 0;
    Tick m_genNext = kForever; // next generator batch
    ostep::PyRandom m_genRng;
    Tick m_now = 0;
    Tick m_timerDue = kForever;
    bool m_hitLimit = false;
    bool m_stalled = false;
    bool m_started = false;
};

} // namespace procscope
