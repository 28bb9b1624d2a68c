/*
 * sort_hash: a "real" C workload at -O2 (also used as a benchmark).
 *
 * Quicksort and merge sort of pseudo-random 64-bit values from an LCG,
 * FNV-1a and CRC32 (bitwise and table-driven) over buffers, bignum
 * arithmetic (100!, 2^1000, Fibonacci(500) in decimal), local string
 * routines (strlen/strcmp/reverse/itoa/atoi), a sieve, an integer matrix
 * product, an open-addressing hash table and binary searches.  Everything
 * prints checksums so a single wrong instruction shows up.
 */
#include "guest.h"

#define N 4096

static u64 lcg_state;

static u64 lcg(void)
{
    lcg_state = lcg_state * 6364136223846793005UL + 1442695040888963407UL;
    return lcg_state;
}

static u64 a_q[N], a_m[N], tmp[N];

static u64 fnv1a(const void *p, size_t n)
{
    const u8 *b = p;
    u64 h = 0xcbf29ce484222325UL;
    for (size_t i = 0; i < n; i++) {
        h ^= b[i];
        h *= 0x100000001b3UL;
    }
    return h;
}

/* ---- sorting ------------------------------------------------------------ */

static void quicksort(u64 *a, long lo, long hi)
{
    while (lo < hi) {
        u64 pivot = a[lo + (hi - lo) / 2];
        long i = lo, j = hi;
        while (i <= j) {
            while (a[i] < pivot)
                i++;
            while (a[j] > pivot)
                j--;
            if (i <= j) {
                u64 t = a[i];
                a[i] = a[j];
                a[j] = t;
                i++;
                j--;
            }
        }
        /* recurse into the smaller half, loop on the larger */
        if (j - lo < hi - i) {
            quicksort(a, lo, j);
            lo = i;
        } else {
            quicksort(a, i, hi);
            hi = j;
        }
    }
}

static void merge_sort(u64 *a, u64 *t, long n)
{
    if (n < 2)
        return;
    if (n <= 8) {       /* insertion sort for small runs */
        for (long i = 1; i < n; i++) {
            u64 v = a[i];
            long j = i - 1;
            while (j >= 0 && a[j] > v) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
        return;
    }
    long mid = n / 2;
    merge_sort(a, t, mid);
    merge_sort(a + mid, t, n - mid);
    long i = 0, j = mid, k = 0;
    while (i < mid && j < n)
        t[k++] = (a[i] <= a[j]) ? a[i++] : a[j++];
    while (i < mid)
        t[k++] = a[i++];
    while (j < n)
        t[k++] = a[j++];
    for (k = 0; k < n; k++)
        a[k] = t[k];
}

static int is_sorted(const u64 *a, long n)
{
    for (long i = 1; i < n; i++)
        if (a[i - 1] > a[i])
            return 0;
    return 1;
}

static long bsearch_u64(const u64 *a, long n, u64 key)
{
    long lo = 0, hi = n - 1;
    while (lo <= hi) {
        long mid = lo + ((hi - lo) >> 1);
        if (a[mid] == key)
            return mid;
        if (a[mid] < key)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

static void test_sort(void)
{
    printf("== sorting %d values ==\n", N);
    for (int round = 0; round < 3; round++) {
        lcg_state = 0x853c49e6748fea9bUL + (u64)round;
        for (int i = 0; i < N; i++) {
            u64 v = lcg();
            if (round == 1)
                v &= 0xff;          /* many duplicates */
            if (round == 2)
                v = (u64)i * 3 % 1000 + (v >> 60);  /* nearly sorted-ish */
            a_q[i] = a_m[i] = v;
        }
        u64 h_in = fnv1a(a_q, sizeof a_q);
        quicksort(a_q, 0, N - 1);
        merge_sort(a_m, tmp, N);
        int same = 1;
        for (int i = 0; i < N; i++)
            if (a_q[i] != a_m[i])
                same = 0;
        u64 found = 0;
        for (int i = 0; i < N; i += 7) {
            long idx = bsearch_u64(a_q, N, a_q[i]);
            if (idx >= 0 && a_q[idx] == a_q[i])
                found++;
        }
        printf("round %d: in=0x%016lx sorted=%d/%d same=%d min=0x%016lx "
               "max=0x%016lx median=0x%016lx out=0x%016lx found=%lu\n",
               round, h_in, is_sorted(a_q, N), is_sorted(a_m, N), same, a_q[0],
               a_q[N - 1], a_q[N / 2], fnv1a(a_q, sizeof a_q), found);
    }
}

/* ---- CRC32 ---------------------------------------------------------------- */

static u32 crc_table[256];

static void crc32_init(void)
{
    for (u32 i = 0; i < 256; i++) {
        u32 c = i;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xedb88320U ^ (c >> 1) : c >> 1;
        crc_table[i] = c;
    }
}

static u32 crc32_table(const u8 *p, size_t n)
{
    u32 c = 0xffffffffU;
    for (size_t i = 0; i < n; i++)
        c = crc_table[(c ^ p[i]) & 0xff] ^ (c >> 8);
    return c ^ 0xffffffffU;
}

static u32 crc32_bitwise(const u8 *p, size_t n)
{
    u32 c = 0xffffffffU;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xedb88320U & -(c & 1));
    }
    return ~c;
}

static u8 bytes[8192];

static void test_hash(void)
{
    printf("\n== hashing ==\n");
    crc32_init();
    const char *s = "123456789";
    printf("crc32(\"123456789\") = 0x%08x (table) 0x%08x (bitwise)\n",
           crc32_table((const u8 *)s, 9), crc32_bitwise((const u8 *)s, 9));
    printf("fnv1a(\"\") = 0x%016lx fnv1a(\"a\") = 0x%016lx fnv1a(\"foobar\") = 0x%016lx\n",
           fnv1a("", 0), fnv1a("a", 1), fnv1a("foobar", 6));
    lcg_state = 42;
    for (size_t i = 0; i < sizeof bytes; i++)
        bytes[i] = (u8)(lcg() >> 56);
    for (size_t len = 1; len <= sizeof bytes; len *= 4) {
        printf("len %5lu: crc32=0x%08x/0x%08x fnv1a=0x%016lx\n", len,
               crc32_table(bytes, len), crc32_bitwise(bytes, len),
               fnv1a(bytes, len));
    }
}

/* ---- bignum (base 10^9 limbs, little endian) ------------------------------ */

#define LIMBS 128
typedef struct {
    u32 d[LIMBS];
    int n;
} big;

static void big_set(big *b, u32 v)
{
    b->n = 1;
    b->d[0] = v;
}

static void big_mul_small(big *b, u32 m)
{
    u64 carry = 0;
    for (int i = 0; i < b->n; i++) {
        u64 t = (u64)b->d[i] * m + carry;
        b->d[i] = (u32)(t % 1000000000UL);
        carry = t / 1000000000UL;
    }
    while (carry) {
        b->d[b->n++] = (u32)(carry % 1000000000UL);
        carry /= 1000000000UL;
    }
}

static void big_add(big *r, const big *a, const big *b)
{
    u32 carry = 0;
    int n = a->n > b->n ? a->n : b->n;
    for (int i = 0; i < n; i++) {
        u32 t = carry + (i < a->n ? a->d[i] : 0) + (i < b->n ? b->d[i] : 0);
        carry = t >= 1000000000U;
        r->d[i] = carry ? t - 1000000000U : t;
    }
    r->n = n;
    if (carry)
        r->d[r->n++] = 1;
}

static void big_print(const char *name, const big *b)
{
    char buf[LIMBS * 9 + 1];
    int p = snprintf(buf, sizeof buf, "%u", b->d[b->n - 1]);
    for (int i = b->n - 2; i >= 0; i--)
        p += snprintf(buf + p, sizeof buf - (size_t)p, "%09u", b->d[i]);
    printf("%s = ", name);
    /* print in 100-digit lines */
    for (int i = 0; i < p; i += 100) {
        char line[101];
        int k;
        for (k = 0; k < 100 && i + k < p; k++)
            line[k] = buf[i + k];
        line[k] = 0;
        printf("%s%s\n", i ? "    " : "", line);
    }
    int sum = 0;
    for (int i = 0; i < p; i++)
        sum += buf[i] - '0';
    printf("    (%d digits, digit sum %d)\n", p, sum);
}

static void test_bignum(void)
{
    printf("\n== bignum ==\n");
    big b;
    big_set(&b, 1);
    for (u32 i = 2; i <= 100; i++)
        big_mul_small(&b, i);
    big_print("100!", &b);
    big_set(&b, 1);
    for (int i = 0; i < 1000; i++)
        big_mul_small(&b, 2);
    big_print("2^1000", &b);
    big f0, f1, f2;
    big_set(&f0, 0);
    big_set(&f1, 1);
    for (int i = 2; i <= 500; i++) {
        big_add(&f2, &f0, &f1);
        f0 = f1;
        f1 = f2;
    }
    big_print("fib(500)", &f1);
}

/* ---- strings --------------------------------------------------------------- */

static size_t my_strlen(const char *s)
{
    const char *p = s;
    while (*p)
        p++;
    return (size_t)(p - s);
}

static int my_strcmp(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return (int)(u8)*a - (int)(u8)*b;
}

static void my_reverse(char *s)
{
    size_t n = my_strlen(s);
    for (size_t i = 0; i < n / 2; i++) {
        char t = s[i];
        s[i] = s[n - 1 - i];
        s[n - 1 - i] = t;
    }
}

static char *my_itoa(i64 v, char *buf, int base)
{
    char *p = buf;
    u64 u = (v < 0 && base == 10) ? -(u64)v : (u64)v;
    do {
        int d = (int)(u % (u64)base);
        *p++ = (char)(d < 10 ? '0' + d : 'a' + d - 10);
        u /= (u64)base;
    } while (u);
    if (v < 0 && base == 10)
        *p++ = '-';
    *p = 0;
    my_reverse(buf);
    return buf;
}

static i64 my_atoi(const char *s)
{
    int neg = 0;
    i64 v = 0;
    if (*s == '-') {
        neg = 1;
        s++;
    }
    while (*s >= '0' && *s <= '9')
        v = v * 10 + (*s++ - '0');
    return neg ? -v : v;
}

static void test_strings(void)
{
    printf("\n== strings ==\n");
    static const char *const words[] = {
        "banana", "apple", "cherry", "apple pie", "", "zebra", "Apple", "app",
    };
    for (int i = 0; i < 8; i++)
        for (int j = i + 1; j < 8; j++) {
            int c = my_strcmp(words[i], words[j]);
            printf("strcmp(\"%s\",\"%s\")=%d ", words[i], words[j],
                   c < 0 ? -1 : c > 0 ? 1 : 0);
            if (j == 7)
                printf("\n");
        }
    char buf[80];
    static const i64 vals[] = { 0, 1, -1, 42, -1234567890, 9223372036854775807L,
                                (i64)0x8000000000000000UL };
    for (int i = 0; i < 7; i++) {
        my_itoa(vals[i], buf, 10);
        i64 back = my_atoi(buf);
        char hex[80], bin[80];
        my_itoa(vals[i], hex, 16);
        my_itoa(vals[i], bin, 2);
        printf("itoa=%s len=%lu atoi_ok=%d hex=%s bin_len=%lu\n", buf,
               my_strlen(buf), back == vals[i], hex, my_strlen(bin));
    }
    char text[128] = "The quick brown fox jumps over the lazy dog";
    my_reverse(text);
    printf("reversed: \"%s\"\n", text);
    u64 h = 0;
    for (int r = 0; r < 2000; r++) {
        my_itoa((i64)(r * 7919) - 5000000, buf, 10);
        my_reverse(buf);
        h = h * 131 + my_strlen(buf) + (u64)(u8)buf[0];
        h ^= fnv1a(buf, my_strlen(buf));
    }
    printf("string churn hash = 0x%016lx\n", h);
}

/* ---- sieve, matrix, hash table ------------------------------------------- */

static u8 sieve[65536];

static void test_misc(void)
{
    printf("\n== sieve / matrix / hash table ==\n");
    u64 count = 0, sum = 0;
    for (u32 i = 2; i < sizeof sieve; i++)
        sieve[i] = 1;
    for (u32 i = 2; i * i < sizeof sieve; i++)
        if (sieve[i])
            for (u32 j = i * i; j < sizeof sieve; j += i)
                sieve[j] = 0;
    for (u32 i = 2; i < sizeof sieve; i++)
        if (sieve[i]) {
            count++;
            sum += i;
        }
    printf("primes < 65536: %lu, sum %lu\n", count, sum);

    static i64 A[24][24], B[24][24], C[24][24];
    lcg_state = 7;
    for (int i = 0; i < 24; i++)
        for (int j = 0; j < 24; j++) {
            A[i][j] = (i64)(lcg() >> 40) - (1L << 23);
            B[i][j] = (i64)(lcg() >> 44) - (1L << 19);
        }
    for (int i = 0; i < 24; i++)
        for (int j = 0; j < 24; j++) {
            i64 s = 0;
            for (int k = 0; k < 24; k++)
                s += A[i][k] * B[k][j];
            C[i][j] = s;
        }
    printf("matrix: C[0][0]=%ld C[23][23]=%ld C[5][17]=%ld hash=0x%016lx\n",
           C[0][0], C[23][23], C[5][17], fnv1a(C, sizeof C));

    /* open addressing hash table with linear probing */
    static u64 keys[2048], valsv[2048];
    u64 inserted = 0, probes = 0, hits = 0;
    lcg_state = 99;
    for (int i = 0; i < 1500; i++) {
        u64 k = (lcg() >> 20) | 1;
        u64 h = (k * 0x9e3779b97f4a7c15UL) >> 53;
        while (keys[h] && keys[h] != k) {
            h = (h + 1) & 2047;
            probes++;
        }
        if (!keys[h])
            inserted++;
        keys[h] = k;
        valsv[h] += (u64)i;
    }
    lcg_state = 99;
    for (int i = 0; i < 3000; i++) {
        u64 k = i < 1500 ? ((lcg() >> 20) | 1) : (u64)i * 2;
        u64 h = (k * 0x9e3779b97f4a7c15UL) >> 53;
        while (keys[h] && keys[h] != k)
            h = (h + 1) & 2047;
        if (keys[h] == k)
            hits++;
    }
    printf("hash table: inserted=%lu probes=%lu hits=%lu vals=0x%016lx\n",
           inserted, probes, hits, fnv1a(valsv, sizeof valsv));
}

int main(void)
{
    printf("sort_hash: C workload\n\n");
    test_sort();
    test_hash();
    test_bignum();
    test_strings();
    test_misc();
    printf("\nsort_hash done\n");
    return 0;
}
