#include "core/file_name.hpp"

#include <mutex>
#include <unordered_set>

namespace parkpress::core {

namespace {

struct Pool {
    std::mutex mutex;
    std::unordered_set<std::string> names; ///< node-based: an element's address never changes
};

Pool& pool() {
    static Pool* p = new Pool; // never destroyed, so names outlive every static that holds one
    return *p;
}

const std::string& empty_name() {
    static const std::string empty;
    return empty;
}

} // namespace

FileName::FileName(std::string_view name) {
    if (name.empty()) {
        return;
    }
    Pool& p = pool();
    const std::lock_guard lock(p.mutex);
    m_name = &*p.names.emplace(name).first;
}

const std::string& FileName::str() const { return m_name == nullptr ? empty_name() : *m_name; }

} // namespace parkpress::core
