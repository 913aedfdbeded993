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

void Hasher::flush() const {
    if (m_used > 0) {
        XXH3_128bits_update(m_state, m_buffer.data(), m_used);
        m_used = 0;
    }
}

void Hasher::update(std::string_view bytes) {
    flush();
    XXH3_128bits_update(m_state, bytes.data(), bytes.size());
}

std::string Hasher::hex() const {
    flush();
    const XXH128_hash_t h = XXH3_128bits_digest(m_state);
    return fmt::format("{:016x}{:016x}", h.high64, h.low64);
}

std::string digest_of(std::string_view bytes) {
    const XXH128_hash_t h = XXH3_128bits(bytes.data(), bytes.size());
    return fmt::format("{:016x}{:016x}", h.high64, h.low64);
}

} // namespace parkpress::core
