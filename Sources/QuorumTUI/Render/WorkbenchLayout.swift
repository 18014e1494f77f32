/// Where each pane goes for a terminal size: the queue on the left; the item, candidates and
/// matrix on the right (the matrix beside the item on wide screens, a summary line in the
/// candidates' title when there is no room for it); the status bar at the bottom. The item
/// pane is as tall as its texts need, within limits. On small terminals the queue is a
/// one-row strip over the item.
public struct WorkbenchLayout: Sendable, Equatable {
    public static let minimum = Size(width: 60, height: 15)
    /// Narrower than this, the queue starts as a strip (`z` shows it whole again).
    public static let stripBelowWidth = 100

    public var size: Size
    public var queue: Rect
    /// Under the queue in a spot-check, when there is room.
    public var spotCheck: Rect?
    public var item: Rect
    public var candidates: Rect
    /// Nil when the matrix does not fit; its summary then goes in the candidates' title.
    public var matrix: Rect?
    public var statusBar: Rect

    public static func isTooSmall(_ size: Size) -> Bool {
        size.width < minimum.width || size.height < minimum.height
    }

    public static func statusBarHeight(for size: Size) -> Int {
        size.height >= 24 ? 2 : 1
    }

    public static func queueWidth(for size: Size) -> Int {
        min(56, max(22, size.width * 3 / 10))
    }

    /// Rows of items the queue pane lists (inside its box, under nothing else).
    public static func queueRows(for size: Size) -> Int {
        max(1, size.height - statusBarHeight(for: size) - 2)
    }

    /// Rows a matrix of `count` candidates needs, box included: header, one row per
    /// candidate and a line for the rule, margin and warnings.
    public static func matrixHeight(candidates count: Int) -> Int {
        max(count, 2) + 4
    }

    /// `spotCheckRows` is the height the spot-check pane wants (0 outside a spot-check); it
    /// gets at most half the queue's column, and none when that is less than 4 rows.
    /// The item pane is given the rows `itemRows` asks for its inside at a given width, as far
    /// as the candidates keep room (with `queueStrip`: each one's header and first lines).
    public init(
        size: Size, candidateCount: Int, spotCheckRows: Int = 0, queueStrip: Bool = false,
        itemRows: (_ width: Int) -> Int = { _ in 0 }
    ) {
        self.size = size
        let screen = Rect(x: 0, y: 0, width: size.width, height: size.height)
        let (main, bar) = screen.splitBottom(Self.statusBarHeight(for: size))
        statusBar = bar
        if queueStrip {
            let (strip, right) = main.splitTop(1)
            queue = strip
            // Each candidate keeps its header and two lines, three candidates at least.
            let candidatesFloor = min(right.height - 5, 2 + 3 * max(3, candidateCount))
            let itemHeight = max(5, min(itemRows(right.width - 2) + 2, right.height - candidatesFloor))
            let (itemRect, rest) = right.splitTop(itemHeight)
            item = itemRect
            (candidates, matrix) = Self.candidatesAndMatrix(
                in: rest, matrixHeight: Self.matrixHeight(candidates: candidateCount),
                candidatesAtLeast: max(8, candidatesFloor))
            return
        }
        let (left, right) = main.splitLeft(Self.queueWidth(for: size))
        let spotCheckHeight = min(spotCheckRows, left.height / 2)
        if spotCheckHeight >= 4 {
            let (queueRect, spotCheckRect) = left.splitBottom(spotCheckHeight)
            queue = queueRect
            spotCheck = spotCheckRect
        } else {
            queue = left
        }
        let matrixHeight = Self.matrixHeight(candidates: candidateCount)
        let matrixWidth = min(right.width / 2, 2 + 18 + MatrixPane.cellWidth * max(candidateCount, 2) + MatrixPane.scoreWidth + 2)
        if size.width >= 150 && right.height >= 30 {
            let bandHeight = max(matrixHeight, min(14, right.height / 3))
            let (band, rest) = right.splitTop(bandHeight)
            let (itemRect, matrixRect) = band.splitLeft(band.width - matrixWidth)
            item = itemRect
            matrix = matrixRect
            candidates = rest
            return
        }
        // As tall as the item's texts need, up to half the column (or the usual share).
        let usualHeight = min(12, max(5, right.height * 3 / 10))
        let itemHeight = max(5, min(itemRows(right.width - 2) + 2, max(usualHeight, right.height / 2)))
        let (itemRect, rest) = right.splitTop(itemHeight)
        item = itemRect
        (candidates, matrix) = Self.candidatesAndMatrix(in: rest, matrixHeight: matrixHeight, candidatesAtLeast: 8)
    }

    /// The candidates above the matrix, when the candidates keep at least `minimum` rows beside
    /// it; else the candidates alone.
    private static func candidatesAndMatrix(in rest: Rect, matrixHeight: Int, candidatesAtLeast minimum: Int) -> (Rect, Rect?) {
        guard rest.height - matrixHeight >= minimum else { return (rest, nil) }
        let (candidateRect, matrixRect) = rest.splitBottom(matrixHeight)
        return (candidateRect, matrixRect)
    }
}
