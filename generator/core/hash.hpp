#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <xxhash.h>

namespace parkpress::core {

/// A 128-bit XXH3 digest, written as 32 hex digits. Used to tell whether inputs or outputs
/// changed between builds; not a cryptographic hash.
class Hasher {
public:
    Hasher();
    ~Hasher();
    Hasher(const Hasher&) = delete;
    Hasher& operator=(const Hasher&) = delete;

    /// Adds a field: its length and its bytes, so that ("ab", "c") and ("a", "bc") differ.
    Hasher& add(std::string_view field);
    Hasher& add(std::int64_t number);
    /// The digest of what was added so far, as 32 hex digits.
    [[nodiscard]] std::string hex() const;

private:
    XXH3_state_t* m_state;
};

/// The digest of one byte string, as 32 hex digits.
std::string digest_of(std::string_view bytes);

} // namespace parkpress::core
