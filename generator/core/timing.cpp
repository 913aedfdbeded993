#include "core/timing.hpp"

#include <sys/resource.h>

namespace parkpress::core {

namespace {
double seconds(const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; }
} // namespace

void Timings::start(std::string name) {
    stop();
    m_stages.push_back({std::move(name), 0, 0, 0});
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    m_cpu_started = seconds(usage.ru_utime) + seconds(usage.ru_stime);
    m_started = std::chrono::steady_clock::now();
    m_running = true;
}

void Timings::stop() {
    if (m_running) {
        m_stages.back().seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_started).count();
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        m_stages.back().cpu_seconds = seconds(usage.ru_utime) + seconds(usage.ru_stime) - m_cpu_started;
        m_stages.back().peak_kb = usage.ru_maxrss;
        m_running = false;
    }
}

} // namespace parkpress::core
