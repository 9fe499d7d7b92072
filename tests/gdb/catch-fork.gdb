catch fork
continue
info inferiors
break work
continue
bt
continue
