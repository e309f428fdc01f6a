# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QMetaObject)
from PySide6.QtWidgets import (QListWidget, QStackedWidget, QVBoxLayout, QWidget)

from tlsgui.widgets.banner import Banner
from tlsgui.widgets.diagnostics import DiagnosticsPanel
from tlsgui.widgets.splitter import Splitter

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1280, 800)
        self.central = QWidget(MainWindow)
        self.central.setObjectName(u"central")
        self.central_layout = QVBoxLayout(self.central)
        self.central_layout.setObjectName(u"central_layout")
        self.banner = Banner(self.central)
        self.banner.setObjectName(u"banner")

        self.central_layout.addWidget(self.banner)

        self.main_splitter = Splitter(self.central)
        self.main_splitter.setObjectName(u"main_splitter")
        self.page_list = QListWidget(self.main_splitter)
        self.page_list.setObjectName(u"page_list")
        self.main_splitter.addWidget(self.page_list)
        self.right_splitter = Splitter(self.main_splitter)
        self.right_splitter.setObjectName(u"right_splitter")
        self.page_stack = QStackedWidget(self.right_splitter)
        self.page_stack.setObjectName(u"page_stack")
        self.right_splitter.addWidget(self.page_stack)
        self.diagnostics = DiagnosticsPanel(self.right_splitter)
        self.diagnostics.setObjectName(u"diagnostics")
        self.right_splitter.addWidget(self.diagnostics)
        self.main_splitter.addWidget(self.right_splitter)

        self.central_layout.addWidget(self.main_splitter)

        MainWindow.setCentralWidget(self.central)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        pass
    # retranslateUi

