import GRDB
import QuorumCore
