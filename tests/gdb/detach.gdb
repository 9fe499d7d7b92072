break square
continue
detach
