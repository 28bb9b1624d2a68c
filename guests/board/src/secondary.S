    .file "secondary.S"
    .text
    .global secondary_entry
    .type secondary_entry, %function
    .balign 8
secondary_entry:
    mov     sp, x0
    adrp    x9, __vectors_el1
    add     x9, x9, :lo12:__vectors_el1
    msr     vbar_el1, x9
    isb
    .weak   secondary_main
    bl      secondary_main
1:  b       1b
    .size secondary_entry, . - secondary_entry
