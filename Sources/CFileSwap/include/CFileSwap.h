#ifndef HUBSITE_CFILESWAP_H
#define HUBSITE_CFILESWAP_H

/// Swaps two paths in one step, so that neither is ever missing: renameat2(RENAME_EXCHANGE) on
/// Linux, renamex_np(RENAME_SWAP) on macOS. Returns 0, or -1 with errno set (ENOSYS or EINVAL
/// where the system or the file system cannot swap).
int hubsite_exchange(const char *first, const char *second);

#endif
