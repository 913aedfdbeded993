#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <ostream>
#include <string>

namespace parkpress::app {

/// One line on a terminal that says what a long build is doing ("rendering 4210/10582"),
/// rewritten in place at most ten times a second and erased at the end. Silent when the
/// stream is not a terminal. Safe to call from several threads.
class Progress {
public:
    Progress(std::ostream& out, bool enabled) : m_out(out), m_enabled(enabled) {}
    ~Progress() { clear(); }
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    void stage(const std::string& name) { show(name, 0, 0, true); }
    void update(const std::string& name, std::size_t done, std::size_t total) { show(name, done, total, done == total); }
    /// Erases the line (before printing anything else).
    void clear();

private:
    void show(const std::string& name, std::size_t done, std::size_t total, bool force);

    std::ostream& m_out;
    bool m_enabled;
    bool m_shown = false;
    std::mutex m_mutex;
    std::chrono::steady_clock::time_point m_last{};
};

} // namespace parkpress::app
