# U-Boot on a qemu-system board: boot it from the halted start, talk to its prompt, then debug its CPU.
info registers pc
x/4i $pc
continue &
uart expect "autoboot" 20
uart send " "
uart expect "=> "
uart send "version\n"
uart expect "U-Boot 20[0-9][0-9][^\r\n]*"
uart expect "=> "
interrupt
info registers
info registers cpsr
info registers priv mstatus
x/4i $pc
hbreak *$pc
continue
info breakpoints
delete
stepi
monitor info status
quit
