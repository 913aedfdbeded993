#include "core/timing.hpp"

#include <sys/resource.h>

namespace parkpress::core {

void Timings::start(std::string name) {
    stop();
    m_stages.push_back({std::move(name), 0});
    m_started = std::chrono::steady_clock::now();
    m_running = true;
}

void Timings::stop() {
    if (m_running) {
        m_stages.back().seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_started).count();
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        m_stages.back().peak_kb = usage.ru_maxrss;
        m_running = false;
    }
}

} // namespace parkpress::core
