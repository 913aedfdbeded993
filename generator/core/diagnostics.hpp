#pragma once

#include "core/file_name.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace parkpress::core {

/// A place in a content file; line and column are 1-based, 0 means unknown.
/// `file` is relative to the content folder, with '/' separators.
struct SourceLocation {
    FileName file;
    std::uint32_t line = 0;
    std::uint32_t column = 0;

    friend auto operator<=>(const SourceLocation&, const SourceLocation&) = default;
};

enum class Severity { error, warning };

struct Diagnostic {
    Severity severity = Severity::error;
    SourceLocation where;
    std::string message;
};

/// Collects content problems so that one run reports all of them.
class Diagnostics {
public:
    void error(SourceLocation where, std::string message);
    void warning(SourceLocation where, std::string message);

    /// Adds every diagnostic of `other` (collected by another thread), emptying it.
    void take(Diagnostics&& other);
    /// Turns every warning into an error (`--strict`).
    void promote_warnings();
    /// Sorts by file, line, column, severity and message, and drops exact duplicates.
    void sort();

    [[nodiscard]] bool has_errors() const;
    [[nodiscard]] std::size_t error_count() const;
    [[nodiscard]] std::size_t warning_count() const;
    [[nodiscard]] const std::vector<Diagnostic>& all() const { return m_items; }

private:
    std::vector<Diagnostic> m_items;
};

/// "parks/henan/a.toml:12:9: error: unknown indicator "x"" (GNU format).
std::string format_diagnostic(const Diagnostic& d);

/// The diagnostic line followed by the offending source line and a caret under the column,
/// when `file_text` holds that line.
std::string format_diagnostic_with_source(const Diagnostic& d, const std::string& file_text);

} // namespace parkpress::core
