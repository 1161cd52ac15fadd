from unami.cli import main

main()
