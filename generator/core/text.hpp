#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parkpress::core {

/// The text with each byte that is not part of valid UTF-8 replaced by U+FFFD.
std::string replace_invalid_utf8(std::string_view text);

/// The UTF-8 encoding of a code point.
std::string utf8_encode(std::uint32_t cp);

/// Line and column (1-based, counting Unicode code points) of the first byte that is not
/// valid UTF-8, or nullopt when the whole text is valid.
struct TextPosition {
    std::uint32_t line = 1;
    std::uint32_t column = 1;
};
std::optional<TextPosition> find_invalid_utf8(std::string_view text);

/// Line/column of a byte offset, the column counting code points.
TextPosition position_of(std::string_view text, std::size_t offset);

/// Line/column of increasing byte offsets in one text, in time linear in the text overall.
class PositionTracker {
public:
    explicit PositionTracker(std::string_view text) : m_text(text) {}
    /// Offsets must not decrease from one call to the next.
    TextPosition at(std::size_t offset);

private:
    std::string_view m_text;
    std::size_t m_offset = 0;
    TextPosition m_position;
};

/// Line `n` (1-based) without its line ending, or nullopt past the end.
std::optional<std::string> nth_line(std::string_view text, std::uint32_t n);

/// The first `code_points` code points of valid UTF-8 text.
std::string_view utf8_prefix(std::string_view text, std::size_t code_points);

/// Terminal cells: East Asian wide characters count two.
std::size_t display_width(std::string_view utf8);

/// Number of code points.
std::size_t utf8_length(std::string_view utf8);

/// Strips a UTF-8 byte order mark.
std::string_view strip_bom(std::string_view text);

/// Edit distance over code points (a swap of neighbours counts one), for "did you mean" hints.
/// Code points of UTF-8 text (an invalid byte stands for itself).
std::vector<std::uint32_t> code_points(std::string_view text);
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word`, if it is close enough to be a likely typo.
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates);

/// `; did you mean "x"?` or an empty string.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

bool is_slug(std::string_view s);          ///< ^[a-z0-9]+(-[a-z0-9]+)*$
bool is_indicator_key(std::string_view s); ///< ^[a-z][a-z0-9_]*$

} // namespace parkpress::core
