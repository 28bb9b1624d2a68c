/*
 * board_dtb: a flat binary booted like a Linux Image (x0 = DTB address). Walks the device
 * tree and prints /chosen/bootargs, the memory node, the CPUs and the PSCI method.
 */
#include "board.h"

static u32 be32(const u8 *p) { return (u32)p[0] << 24 | (u32)p[1] << 16 | (u32)p[2] << 8 | p[3]; }

static int streq(const char *a, const char *b)
{
    while (*a && *a == *b) a++, b++;
    return *a == *b;
}

int main(u64 dtb)
{
    const u8 *f = (const u8 *)dtb;
    printf("board_dtb: magic 0x%x version %u\n", be32(f), be32(f + 20));
    const u8 *st = f + be32(f + 8);
    const char *strs = (const char *)f + be32(f + 12);
    int depth = 0, cpus = 0;
    char node[3][64];
    for (const u8 *p = st;;) {
        u32 tok = be32(p);
        p += 4;
        if (tok == 1) {
            const char *name = (const char *)p;
            int n = 0;
            while (name[n]) n++;
            if (depth < 3) {
                int i = 0;
                for (; i < 63 && name[i]; i++) node[depth][i] = name[i];
                node[depth][i] = 0;
            }
            if (depth == 2 && streq(node[1], "cpus") && name[0] == 'c' && name[3] == '@')
                cpus++;
            depth++;
            p += (n + 4) & ~3;
        } else if (tok == 2) {
            depth--;
        } else if (tok == 3) {
            u32 len = be32(p), off = be32(p + 4);
            const char *pn = strs + off;
            const u8 *v = p + 8;
            if (depth == 2 && streq(node[1], "chosen") && streq(pn, "bootargs"))
                printf("bootargs = \"%s\"\n", (const char *)v);
            if (depth == 2 && streq(node[1], "psci") && streq(pn, "method"))
                printf("psci method = %s\n", (const char *)v);
            if (depth == 2 && streq(node[1], "memory@40000000") && streq(pn, "reg"))
                printf("memory reg = 0x%x%08x size 0x%x%08x\n", be32(v), be32(v + 4), be32(v + 8),
                       be32(v + 12));
            if (depth == 2 && streq(node[1], "intc@8000000") && streq(pn, "compatible"))
                printf("intc compatible = %s\n", (const char *)v);
            if (depth == 2 && streq(node[1], "timer") && streq(pn, "interrupts"))
                printf("timer interrupts: %u %u %u %u\n", be32(v + 4), be32(v + 16), be32(v + 28),
                       be32(v + 40));
            p += 8 + ((len + 3) & ~3u);
        } else if (tok == 4) {
        } else break;
    }
    printf("cpus = %d\n", cpus);
    return 0;
}
