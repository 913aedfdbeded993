#include "core/diagnostics.hpp"

#include "core/text.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <tuple>

namespace parkpress::core {

void Diagnostics::error(SourceLocation where, std::string message) {
    m_items.push_back({Severity::error, std::move(where), std::move(message)});
}

void Diagnostics::warning(SourceLocation where, std::string message) {
    m_items.push_back({Severity::warning, std::move(where), std::move(message)});
}

void Diagnostics::take(Diagnostics&& other) {
    m_items.insert(m_items.end(), std::make_move_iterator(other.m_items.begin()), std::make_move_iterator(other.m_items.end()));
    other.m_items.clear();
}

void Diagnostics::promote_warnings() {
    for (auto& d : m_items) {
        d.severity = Severity::error;
    }
}

void Diagnostics::sort() {
    auto key = [](const Diagnostic& d) {
        return std::tie(d.where.file, d.where.line, d.where.column, d.severity, d.message);
    };
    std::stable_sort(m_items.begin(), m_items.end(),
                     [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
    m_items.erase(std::unique(m_items.begin(),
                              m_items.end(),
                              [&](const Diagnostic& a, const Diagnostic& b) { return key(a) == key(b); }),
                  m_items.end());
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

std::size_t Diagnostics::error_count() const {
    return static_cast<std::size_t>(std::count_if(
        m_items.begin(), m_items.end(), [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

std::size_t Diagnostics::warning_count() const { return m_items.size() - error_count(); }

std::string format_diagnostic(const Diagnostic& d) {
    const char* severity = d.severity == Severity::error ? "error" : "warning";
    return fmt::format("{}:{}:{}: {}: {}", d.where.file, d.where.line, d.where.column, severity, d.message);
}

std::string format_diagnostic_with_source(const Diagnostic& d, const std::string& file_text) {
    std::string out = format_diagnostic(d);
    if (d.where.line == 0) {
        return out;
    }
    const auto line = nth_line(file_text, d.where.line);
    if (!line) {
        return out;
    }
    const std::string gutter = fmt::format("{:>5}", d.where.line);
    out += fmt::format("\n{} | {}", gutter, replace_invalid_utf8(*line));
    if (d.where.column > 0) {
        // The caret sits under the column, counting wide (CJK) characters as two cells.
        const std::size_t cells = display_width(utf8_prefix(*line, d.where.column - 1));
        out += fmt::format("\n{} | {}^", std::string(gutter.size(), ' '), std::string(cells, ' '));
    }
    return out;
}

} // namespace parkpress::core
