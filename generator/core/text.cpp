#include "core/text.hpp"

#include <algorithm>

namespace parkpress::core {
namespace {

// Length of the UTF-8 sequence starting at text[i], or 0 when it is invalid
// (overlong forms, surrogates and code points past U+10FFFF are invalid).
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
    const auto b0 = static_cast<unsigned char>(text[i]);
    if (b0 < 0x80) {
        return 1;
    }
    std::size_t len = 0;
    std::uint32_t cp = 0;
    std::uint32_t min = 0;
    if ((b0 & 0xE0) == 0xC0) {
        len = 2, cp = b0 & 0x1Fu, min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3, cp = b0 & 0x0Fu, min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4, cp = b0 & 0x07u, min = 0x10000;
    } else {
        return 0;
    }
    if (i + len > text.size()) {
        return 0;
    }
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(text[i + k]);
        if ((b & 0xC0) != 0x80) {
            return 0;
        }
        cp = (cp << 6) | (b & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return 0;
    }
    return len;
}

std::uint32_t decode(std::string_view text, std::size_t i, std::size_t len) {
    auto b0 = static_cast<unsigned char>(text[i]);
    std::uint32_t cp = len == 1 ? b0 : len == 2 ? (b0 & 0x1Fu) : len == 3 ? (b0 & 0x0Fu) : (b0 & 0x07u);
    for (std::size_t k = 1; k < len; ++k) {
        cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
    }
    return cp;
}

bool is_wide(std::uint32_t cp) {
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
           || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
           || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

} // namespace

std::string utf8_encode(std::uint32_t cp) {
    std::string out;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return out;
}

std::string replace_invalid_utf8(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t len = utf8_sequence_length(text, i);
        if (len == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
        } else {
            out.append(text.substr(i, len));
            i += len;
        }
    }
    return out;
}

std::optional<TextPosition> find_invalid_utf8(std::string_view text) {
    TextPosition pos;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t len = utf8_sequence_length(text, i);
        if (len == 0) {
            return pos;
        }
        if (text[i] == '\n') {
            ++pos.line;
            pos.column = 1;
        } else {
            ++pos.column;
        }
        i += len;
    }
    return std::nullopt;
}

TextPosition position_of(std::string_view text, std::size_t offset) { return PositionTracker(text).at(offset); }

TextPosition PositionTracker::at(std::size_t offset) {
    offset = std::min(offset, m_text.size());
    for (; m_offset < offset; ++m_offset) {
        if (m_text[m_offset] == '\n') {
            ++m_position.line;
            m_position.column = 1;
        } else if ((static_cast<unsigned char>(m_text[m_offset]) & 0xC0) != 0x80) {
            ++m_position.column;
        }
    }
    return m_position;
}

std::optional<std::string> nth_line(std::string_view text, std::uint32_t n) {
    std::size_t start = 0;
    for (std::uint32_t line = 1; line < n; ++line) {
        const auto nl = text.find('\n', start);
        if (nl == std::string_view::npos) {
            return std::nullopt;
        }
        start = nl + 1;
    }
    if (start > text.size()) {
        return std::nullopt;
    }
    auto end = text.find('\n', start);
    std::string line(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (!line.empty() && line.back() == '\r') {
        line.pop_back();
    }
    return line;
}

std::string_view utf8_prefix(std::string_view text, std::size_t code_points) {
    std::size_t i = 0;
    for (std::size_t n = 0; n < code_points && i < text.size(); ++n) {
        const std::size_t len = utf8_sequence_length(text, i);
        i += len == 0 ? 1 : len;
    }
    return text.substr(0, i);
}

std::size_t display_width(std::string_view utf8) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        std::size_t len = utf8_sequence_length(utf8, i);
        if (len == 0) {
            len = 1;
            width += 1;
        } else {
            width += is_wide(decode(utf8, i, len)) ? 2 : 1;
        }
        i += len;
    }
    return width;
}

std::size_t utf8_length(std::string_view utf8) {
    return static_cast<std::size_t>(std::count_if(
        utf8.begin(), utf8.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string_view strip_bom(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") {
        text.remove_prefix(3);
    }
    return text;
}

std::vector<std::uint32_t> code_points(std::string_view text) {
    std::vector<std::uint32_t> out;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t len = utf8_sequence_length(text, i);
        out.push_back(len == 0 ? static_cast<unsigned char>(text[i]) : decode(text, i, len));
        i += len == 0 ? 1 : len;
    }
    return out;
}

std::size_t edit_distance(std::string_view a_text, std::string_view b_text) {
    // Optimal string alignment over code points: a swap of two neighbours is one edit.
    const auto a = code_points(a_text);
    const auto b = code_points(b_text);
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) {
        d[i][0] = i;
    }
    for (std::size_t j = 0; j <= b.size(); ++j) {
        d[0][j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[a.size()][b.size()];
}

std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates) {
    std::optional<std::string> best;
    std::size_t best_distance = 0;
    for (const auto& c : candidates) {
        const std::size_t d = edit_distance(word, c);
        // On a tie, prefer the candidate whose length is closest to the word's.
        const auto length_gap = [&](const std::string& s) {
            const std::size_t n = utf8_length(s);
            const std::size_t w = utf8_length(word);
            return n > w ? n - w : w - n;
        };
        if (!best || d < best_distance || (d == best_distance && length_gap(c) < length_gap(*best))) {
            best = c;
            best_distance = d;
        }
    }
    // Close enough: a third of the longer word, at least 1 and at most 4 edits.
    const std::size_t longest = std::max(utf8_length(word), best ? utf8_length(*best) : 0);
    const std::size_t limit = std::clamp<std::size_t>(longest / 3, 1, 4);
    if (best && best_distance > 0 && best_distance <= limit) {
        return best;
    }
    return std::nullopt;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
    const auto match = closest_match(word, candidates);
    return match ? "; did you mean \"" + *match + "\"?" : std::string{};
}

bool is_slug(std::string_view s) {
    if (s.empty() || s.front() == '-' || s.back() == '-') {
        return false;
    }
    char previous = 0;
    for (const char c : s) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        if (!ok || (c == '-' && previous == '-')) {
            return false;
        }
        previous = c;
    }
    return true;
}

bool is_indicator_key(std::string_view s) {
    if (s.empty() || s.front() < 'a' || s.front() > 'z') {
        return false;
    }
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}

} // namespace parkpress::core
