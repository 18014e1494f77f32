// QuorumTUI/State: The workbench's state and the values it is made of, including the live events it shows.

