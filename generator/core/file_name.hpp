#pragma once

#include <compare>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace parkpress::core {

/// The name of a content file, interned: every FileName of the same text points at one string
/// that lives as long as the process. A source location is then a pointer and two numbers, and
/// the 250,000 figures of a national site do not carry 1.5 million copies of their file's path.
/// Making one interns its text (thread-safe); copying one copies a pointer.
class FileName {
public:
    FileName() = default;
    FileName(std::string_view name); // NOLINT(google-explicit-constructor): a path is a file name
    FileName(const std::string& name) : FileName(std::string_view(name)) {}
    FileName(const char* name) : FileName(std::string_view(name)) {}

    [[nodiscard]] const std::string& str() const;
    operator const std::string&() const { return str(); } // NOLINT(google-explicit-constructor)
    [[nodiscard]] bool empty() const { return m_name == nullptr; }

    friend bool operator==(FileName a, FileName b) { return a.m_name == b.m_name; }
    friend std::strong_ordering operator<=>(FileName a, FileName b) {
        if (a.m_name == b.m_name) {
            return std::strong_ordering::equal;
        }
        return a.str().compare(b.str()) <=> 0;
    }

private:
    const std::string* m_name = nullptr; ///< null: the empty name
};

} // namespace parkpress::core

template <>
struct fmt::formatter<parkpress::core::FileName> : fmt::formatter<std::string_view> {
    template <typename FormatContext>
    auto format(const parkpress::core::FileName& name, FormatContext& ctx) const {
        return fmt::formatter<std::string_view>::format(name.str(), ctx);
    }
};
