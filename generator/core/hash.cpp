#include "core/hash.hpp"

#include <fmt/core.h>

#include <new>

namespace parkpress::core {

Hasher::Hasher() : m_state(XXH3_createState()) {
    if (m_state == nullptr) {
        throw std::bad_alloc();
    }
    XXH3_128bits_reset(m_state);
}

Hasher::~Hasher() { XXH3_freeState(m_state); }

Hasher& Hasher::add(std::string_view field) {
    add(static_cast<std::int64_t>(field.size()));
    XXH3_128bits_update(m_state, field.data(), field.size());
    return *this;
}

Hasher& Hasher::add(std::int64_t number) {
    unsigned char bytes[8];
    for (int i = 0; i < 8; ++i) { // little-endian whatever the machine, so digests travel
        bytes[i] = static_cast<unsigned char>(static_cast<std::uint64_t>(number) >> (8 * i));
    }
    XXH3_128bits_update(m_state, bytes, sizeof bytes);
    return *this;
}

std::string Hasher::hex() const {
    const XXH128_hash_t h = XXH3_128bits_digest(m_state);
    return fmt::format("{:016x}{:016x}", h.high64, h.low64);
}

std::string digest_of(std::string_view bytes) {
    const XXH128_hash_t h = XXH3_128bits(bytes.data(), bytes.size());
    return fmt::format("{:016x}{:016x}", h.high64, h.low64);
}

} // namespace parkpress::core
