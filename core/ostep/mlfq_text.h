// mlfq.py's text, as an exporter of the Trace of an MLFQ run.
#pragma once

#include "core/trace/trace.h"

#include <string>
#include <vector>

namespace procscope::ostep {

struct MlfqSetup {
    struct Job {
        long long start, run, ioFreq;
    };
    std::vector<Tick> quanta;    // top queue first
    std::vector<int> allotments; // top queue first
    long long boost = 0;
    long long ioTime = 5;
    bool stay = false;
    bool iobump = false;
    std::vector<Job> jobs;
};

std::string mlfqHeader(const MlfqSetup& s);

struct MlfqText {
    std::string out;
    std::string error; // set where mlfq.py aborts (a job with no run time)
};
MlfqText mlfqSolution(const Trace& trace, const MlfqSetup& s);

} // namespace procscope::ostep
