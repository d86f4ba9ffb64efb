#include "base/sha256.h"

#include <openssl/evp.h>

#include <cstdlib>

namespace congvan {

// OpenSSL's SHA-256 (libcrypto): it uses the CPU's SHA extensions where there are any, several times
// faster than portable code.
std::string Sha256Hex(std::string_view data) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(data.data(), data.size(), md, &len, EVP_sha256(), nullptr) != 1 || len != 32) {
    std::abort();  // only a broken libcrypto gets here
  }
  static const char* kHex = "0123456789abcdef";
  std::string out(64, '0');
  for (unsigned i = 0; i < 32; ++i) {
    out[2 * i] = kHex[md[i] >> 4];
    out[2 * i + 1] = kHex[md[i] & 0xF];
  }
  return out;
}

}  // namespace congvan
