catch vfork
continue
info inferiors
break work
continue
bt
continue
