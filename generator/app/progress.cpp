#include "app/progress.hpp"

#include <fmt/core.h>

namespace parkpress::app {

void Progress::show(const std::string& name, std::size_t done, std::size_t total, bool force) {
    if (!m_enabled) {
        return;
    }
    const std::lock_guard lock(m_mutex);
    const auto now = std::chrono::steady_clock::now();
    if (!force && now - m_last < std::chrono::milliseconds(100)) {
        return;
    }
    m_last = now;
    m_out << "\r\x1b[K" << (total == 0 ? name + "…" : fmt::format("{} {}/{}", name, done, total)) << std::flush;
    m_shown = true;
}

void Progress::clear() {
    const std::lock_guard lock(m_mutex);
    if (m_shown) {
        m_out << "\r\x1b[K" << std::flush;
        m_shown = false;
    }
}

} // namespace parkpress::app
