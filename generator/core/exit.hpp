#pragma once

#include <memory>
#include <mutex>
#include <type_traits>
#include <utility>
#include <vector>

namespace parkpress::core {

/// Keeps `values` until the process exits and never destroys them: a program about to exit
/// need not take apart, object by object, a model of millions of strings (tens of
/// milliseconds at national scale); the exit gives their memory back at once. Compilers do
/// the same. They stay reachable, so leak checkers do not report them. Call it only when the
/// process is about to end (`parkpress` does, from main; tests do not).
template <typename... T>
void leave_to_exit(T&&... values) {
    static auto* kept = new std::vector<std::shared_ptr<void>>(); // never deleted, on purpose
    static std::mutex mutex;
    const std::lock_guard lock(mutex);
    (kept->push_back(std::make_shared<std::decay_t<T>>(std::forward<T>(values))), ...);
}

} // namespace parkpress::core
