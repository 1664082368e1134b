#ifndef PATH_EXCHANGE_H
#define PATH_EXCHANGE_H

/// Exchanges two existing paths in one step: afterwards each names what the other named, and no moment exists in
/// which either is missing (Linux: renameat2 with RENAME_EXCHANGE; macOS: renamex_np with RENAME_SWAP). Swift cannot
/// call renameat2 itself: glibc declares it only under _GNU_SOURCE. Returns 0, or -1 with errno set.
int path_exchange(const char *first, const char *second);

#endif
