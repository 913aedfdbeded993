#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include <xxhash.h>

namespace parkpress::core {

/// A 128-bit XXH3 digest, written as 32 hex digits. Used to tell whether inputs or outputs
/// changed between builds; not a cryptographic hash.
///
/// Small fields are gathered in a buffer and given to XXH3 a kilobyte at a time: page keys
/// add millions of short fields, and XXH3's update costs more per call than per byte. The
/// digest is that of the same bytes added in one piece (XXH3 streams), whatever the buffer.
class Hasher {
public:
    Hasher();
    ~Hasher();
    Hasher(const Hasher&) = delete;
    Hasher& operator=(const Hasher&) = delete;

    /// Adds a field: its length and its bytes, so that ("ab", "c") and ("a", "bc") differ.
    Hasher& add(std::string_view field) {
        add(static_cast<std::int64_t>(field.size()));
        if (field.empty()) {
            return *this; // its data() may be null, which memcpy may not be given
        }
        if (field.size() <= m_buffer.size() - m_used) {
            std::memcpy(m_buffer.data() + m_used, field.data(), field.size());
            m_used += field.size();
        } else {
            update(field);
        }
        return *this;
    }
    Hasher& add(std::int64_t number) {
        if (m_buffer.size() - m_used < 8) {
            flush();
        }
        for (int i = 0; i < 8; ++i) { // little-endian whatever the machine, so digests travel
            m_buffer[m_used++] = static_cast<unsigned char>(static_cast<std::uint64_t>(number) >> (8 * i));
        }
        return *this;
    }
    /// The digest of what was added so far, as 32 hex digits.
    [[nodiscard]] std::string hex() const;

private:
    /// Gives the buffer to XXH3.
    void flush() const;
    /// Gives the buffer, then `bytes`, to XXH3.
    void update(std::string_view bytes);

    XXH3_state_t* m_state;
    mutable std::array<unsigned char, 1024> m_buffer{};
    mutable std::size_t m_used = 0;
};

/// The digest of one byte string, as 32 hex digits.
std::string digest_of(std::string_view bytes);

} // namespace parkpress::core
