# reverse-stepi undoes single steps: registers and the memory a store wrote
break bump
continue
p counter
stepi 30
p counter
p $pc
reverse-stepi 30
p counter
p $pc
reverse-stepi
continue
p counter
