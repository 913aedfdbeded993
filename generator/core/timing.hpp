#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace parkpress::core {

/// Wall-clock and CPU time of named stages, for `--verbose`.
class Timings {
public:
    /// Ends the current stage (if any) and starts `name`.
    void start(std::string name);
    /// Ends the current stage.
    void stop();
    struct Stage {
        std::string name;
        double seconds = 0;
        double cpu_seconds = 0; ///< user and system time of all the process's threads
        long peak_kb = 0; ///< the process's peak resident memory when the stage ended
    };
    [[nodiscard]] const std::vector<Stage>& stages() const { return m_stages; }

private:
    std::vector<Stage> m_stages;
    std::chrono::steady_clock::time_point m_started;
    double m_cpu_started = 0;
    bool m_running = false;
};

} // namespace parkpress::core
