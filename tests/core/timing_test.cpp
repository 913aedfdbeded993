#include "core/timing.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <ctime>
#include <thread>

using parkpress::core::Timings;

namespace {
/// Keeps this thread busy until it has used `seconds` of CPU time, however loaded the machine.
void spin_for_cpu(double seconds) {
    const auto cpu = [] {
        timespec t{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
    };
    const double start = cpu();
    volatile unsigned sink = 0;
    while (cpu() - start < seconds) {
        sink = sink + 1;
    }
}
} // namespace

TEST_CASE("timing: each stage has its wall time and the CPU time used while it ran", "[timing]") {
    Timings t;
    t.start("busy");
    spin_for_cpu(0.03);
    t.start("idle");
    std::this_thread::sleep_for(std::chrono::milliseconds(40));
    t.stop();
    t.stop(); // a second stop changes nothing

    const auto& stages = t.stages();
    REQUIRE(stages.size() == 2);
    CHECK(stages[0].name == "busy");
    CHECK(stages[0].cpu_seconds >= 0.03);
    CHECK(stages[0].seconds >= 0.03);
    CHECK(stages[1].name == "idle");
    CHECK(stages[1].seconds >= 0.04);
    CHECK(stages[1].cpu_seconds < stages[0].cpu_seconds); // asleep, it used (almost) none
    CHECK(stages[1].peak_kb > 0);
}
