// Fuzz target: the narratives' `{{fact ...}}` / `{{target ...}}` references
// (load::parse_references) and the diagnostics printed for them with their source line.
//
// Input: a narrative. As in the loader, a byte order mark is removed and text that is not
// valid UTF-8 never reaches parse_references (the loader reports it instead).
// Invariants checked, each a __builtin_trap() when broken:
// - every reference lies inside the text, starts with "{{" and ends with "}}", in order and
//   without overlap, with a valid indicator key and an empty or valid park slug;
// - its line and column are those of its offset (counted here independently);
// - every diagnostic is an error at an existing line, with a column inside that line.

#include "core/diagnostics.hpp"
#include "core/text.hpp"
#include "load/references.hpp"

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace {
using namespace parkpress;

void require(bool ok, const char* what) {
    if (!ok) {
        std::fprintf(stderr, "fuzz_references: invariant broken: %s\n", what);
        __builtin_trap();
    }
}

/// Line and column (in code points) of a byte offset, without core::PositionTracker.
core::TextPosition expected_position(std::string_view text, std::size_t offset) {
    const std::string_view before = text.substr(0, offset);
    core::TextPosition p;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < before.size(); ++i) {
        if (before[i] == '\n') {
            ++p.line;
            line_start = i + 1;
        }
    }
    p.column = static_cast<std::uint32_t>(core::utf8_length(before.substr(line_start)) + 1);
    return p;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = core::strip_bom(std::string_view(reinterpret_cast<const char*>(data), size));
    if (core::find_invalid_utf8(text)) {
        return 0;
    }
    const std::string file = "parks/henan/a.md";
    core::Diagnostics diagnostics;
    const auto refs = load::parse_references(text, file, diagnostics);

    std::size_t end_of_previous = 0;
    for (const auto& ref : refs) {
        require(ref.offset >= end_of_previous, "references in order, without overlap");
        require(ref.length >= 4 && ref.offset + ref.length <= text.size(), "reference inside the text");
        require(text.substr(ref.offset, 2) == "{{", "reference starts with {{");
        require(text.substr(ref.offset + ref.length - 2, 2) == "}}", "reference ends with }}");
        require(core::is_indicator_key(ref.indicator), "indicator is a valid key");
        require(ref.park.empty() || core::is_slug(ref.park), "park is empty or a slug");
        const auto at = expected_position(text, ref.offset);
        require(ref.where.file.str() == file, "reference in the file");
        require(ref.where.line == at.line && ref.where.column == at.column, "reference at its offset's line and column");
        end_of_previous = ref.offset + ref.length;
    }

    const std::string owned(text);
    for (const auto& d : diagnostics.all()) {
        require(d.severity == core::Severity::error, "only errors");
        require(d.where.line >= 1 && d.where.column >= 1, "diagnostic has a position");
        const auto line = core::nth_line(text, d.where.line);
        require(line.has_value(), "diagnostic on an existing line");
        require(d.where.column <= core::utf8_length(*line) + 1, "diagnostic column inside its line");
        const std::string printed = core::format_diagnostic_with_source(d, owned);
        require(printed.starts_with(core::format_diagnostic(d)), "printed diagnostic starts with its line");
    }
    return 0;
}
