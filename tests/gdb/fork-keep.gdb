set detach-on-fork off
catch fork
continue
continue
