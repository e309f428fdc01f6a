# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sql_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QCheckBox, QGridLayout, QGroupBox, QLabel, QLineEdit, QSizePolicy,
    QSpacerItem, QVBoxLayout)

class Ui_SqlPage(object):
    def setupUi(self, SqlPage):
        if not SqlPage.objectName():
            SqlPage.setObjectName(u"SqlPage")
        SqlPage.resize(760, 520)
        self.page_layout = QVBoxLayout(SqlPage)
        self.page_layout.setObjectName(u"page_layout")
        self.sql_group = QGroupBox(SqlPage)
        self.sql_group.setObjectName(u"sql_group")
        self.sql_group_grid = QGridLayout(self.sql_group)
        self.sql_group_grid.setObjectName(u"sql_group_grid")
        self.sql_launch_at_startup = QCheckBox(self.sql_group)
        self.sql_launch_at_startup.setObjectName(u"sql_launch_at_startup")

        self.sql_group_grid.addWidget(self.sql_launch_at_startup, 0, 0, 1, 2)

        self.sql_launch_at_startup_source = QLabel(self.sql_group)
        self.sql_launch_at_startup_source.setObjectName(u"sql_launch_at_startup_source")

        self.sql_group_grid.addWidget(self.sql_launch_at_startup_source, 0, 2, 1, 1)

        self.sql_port_label = QLabel(self.sql_group)
        self.sql_port_label.setObjectName(u"sql_port_label")

        self.sql_group_grid.addWidget(self.sql_port_label, 1, 0, 1, 1)

        self.sql_port = QLineEdit(self.sql_group)
        self.sql_port.setObjectName(u"sql_port")

        self.sql_group_grid.addWidget(self.sql_port, 1, 1, 1, 1)

        self.sql_port_source = QLabel(self.sql_group)
        self.sql_port_source.setObjectName(u"sql_port_source")

        self.sql_group_grid.addWidget(self.sql_port_source, 1, 2, 1, 1)

        self.sql_tls_enabled = QCheckBox(self.sql_group)
        self.sql_tls_enabled.setObjectName(u"sql_tls_enabled")

        self.sql_group_grid.addWidget(self.sql_tls_enabled, 2, 0, 1, 2)

        self.sql_tls_enabled_source = QLabel(self.sql_group)
        self.sql_tls_enabled_source.setObjectName(u"sql_tls_enabled_source")

        self.sql_group_grid.addWidget(self.sql_tls_enabled_source, 2, 2, 1, 1)

        self.sql_connect_note = QLabel(self.sql_group)
        self.sql_connect_note.setObjectName(u"sql_connect_note")
        self.sql_connect_note.setWordWrap(True)
        self.sql_connect_note.setTextFormat(Qt.RichText)

        self.sql_group_grid.addWidget(self.sql_connect_note, 3, 0, 1, 3)

        self.sql_group_grid.setColumnStretch(2, 1)

        self.page_layout.addWidget(self.sql_group)

        self.bottom_spacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.page_layout.addItem(self.bottom_spacer)

#if QT_CONFIG(shortcut)
        self.sql_port_label.setBuddy(self.sql_port)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SqlPage)

        QMetaObject.connectSlotsByName(SqlPage)
    # setupUi

    def retranslateUi(self, SqlPage):
        self.sql_group.setTitle(QCoreApplication.translate("SqlPage", u"SQL Server", None))
        self.sql_launch_at_startup.setText(QCoreApplication.translate("SqlPage", u"Launch SQL Server at Startup", None))
        self.sql_launch_at_startup_source.setText(QCoreApplication.translate("SqlPage", u"stored in \u2026", None))
        self.sql_port_label.setText(QCoreApplication.translate("SqlPage", u"TCP Port", None))
        self.sql_port_source.setText(QCoreApplication.translate("SqlPage", u"stored in \u2026", None))
        self.sql_tls_enabled.setText(QCoreApplication.translate("SqlPage", u"Enable TLS", None))
        self.sql_tls_enabled_source.setText(QCoreApplication.translate("SqlPage", u"stored in \u2026", None))
        pass
    # retranslateUi

